using Pipeline.Domain.Catalogue;

namespace Pipeline.Publishing.Document;

/// <summary>
/// The licence and the attribution its terms ask for (built by <see cref="FeedAttribution"/>): the source line
/// with the dataset's URL, the wording for derived use, the clause on edited data and the CC BY 4.0 compatibility.
/// </summary>
public sealed record FeedLicense(
    string Id,
    string Url,
    LocalizedText Title,
    LocalizedText Attribution,
    LocalizedText Terms,
    string TermsUrl,
    IReadOnlyList<LocalizedText> Publishers,
    string DatasetUrl,
    LocalizedText SourceLine,
    LocalizedText DerivedUse,
    LocalizedText EditedData,
    LocalizedText Compatibility);
