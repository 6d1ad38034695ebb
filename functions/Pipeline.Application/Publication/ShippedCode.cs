using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Application.Publication;

/// <summary>
/// The version of the code that computes and writes feeds: the module version ids of every <c>Pipeline.*</c>
/// assembly the app ships (the folder it runs from: the Functions app's Domain, Spreadsheets, Publishing,
/// Application, Infrastructure, Hosting, Portal and Functions), hashed in name order. Each id is the same for the
/// same source in a deterministic build, so a deployment that changes any of them, also how observations are read
/// back or files written, recomputes every plan once.
/// </summary>
public static class ShippedCode
{
    /// <summary>
    /// The version of the code running now, read from the folder the app runs from: a deployment that changes any
    /// shipped assembly recomputes every plan once.
    /// </summary>
    public static readonly string Current = VersionOf(AppContext.BaseDirectory);

    /// <summary>The product assemblies in <paramref name="folder"/>: <c>Pipeline.*.dll</c>, in ordinal name order.
    /// </summary>
    public static IReadOnlyList<string> Assemblies(string folder) =>
        Directory.EnumerateFiles(folder, "Pipeline.*.dll").Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The version of the code in <paramref name="folder"/>: SHA-256 over each assembly's name and module version id.
    /// </summary>
    public static string VersionOf(string folder)
    {
        var text = new StringBuilder();
        foreach (var path in Assemblies(folder))
        {
            text.Append(Path.GetFileName(path)).Append(' ')
                .Append(ModuleVersionId(path).ToString("N")).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>An assembly's module version id, read from its metadata without loading it.</summary>
    public static Guid ModuleVersionId(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }
}
