using System.Xml.Linq;
using Pipeline.Development;

namespace Pipeline.Architecture.Tests;

/// <summary>The product's projects as they are on disk under <c>functions/</c>: their references and C# files.</summary>
internal static class ProductSource
{
    public static string Functions => Path.Combine(RepositoryRoot.Find(), "functions");

    /// <summary>Every product project's name.</summary>
    public static IReadOnlyList<string> Projects() =>
        Directory.GetDirectories(Functions)
            .Select(d => Path.Combine(d, Path.GetFileName(d) + ".csproj"))
            .Where(File.Exists)
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The names of the projects that <paramref name="project"/> references.</summary>
    public static IReadOnlyList<string> ReferencesOf(string project) =>
        XDocument.Load(Path.Combine(Functions, project, project + ".csproj"))
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

    /// <summary>Every C# file of the product, generated output aside.</summary>
    public static IReadOnlyList<string> CSharpFiles() =>
        Directory.GetFiles(Functions, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The project a file belongs to (the first folder under <c>functions/</c>).</summary>
    public static string ProjectOf(string file) =>
        Path.GetRelativePath(Functions, file).Split(Path.DirectorySeparatorChar)[0];
}
