namespace Pipeline.Application.Ports;

/// <summary>
/// Everything a plan's feed is computed from apart from the stored rows (docs/storage-and-publication.md): the plan
/// file, the code, the ledger's stamp of accepted uploads and the dates the feed depends on (null where a stored
/// record holds dates in no form this code reads: unequal to any computation's). Equal inputs and equal rows give an
/// equal feed; rows change only through a commit, which changes the stamp.
/// </summary>
public sealed record PlanInputs(string DefinitionHash, string CodeVersion, string LedgerStamp, FeedDates? Dates);
