using Pipeline.Testing;

namespace Pipeline.Development.Tests;

/// <summary>Test hygiene: a test's temp folder is gone, contents and all, once disposed; one already gone is fine.</summary>
public sealed class TempFolderTests : IDisposable
{
    // Owned as every test's folder is; the tests below dispose it themselves, and disposing it again is fine.
    private readonly TempFolder _folder = new("temp-folder-test-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Disposing_deletes_the_folder_with_its_files_and_subfolders()
    {
        Assert.StartsWith(Path.Combine(Path.GetTempPath(), "temp-folder-test-"), _folder.Path, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder.Path));
        var nested = _folder.File(Path.Combine("feeds", "v1", "progress.json"));
        Assert.Equal(Path.Combine(_folder.Path, "feeds", "v1", "progress.json"), nested);
        Directory.CreateDirectory(Path.GetDirectoryName(nested)!);
        File.WriteAllText(nested, "{}");
        File.WriteAllText(_folder.File("a.csv"), "x");

        _folder.Dispose();

        Assert.False(Directory.Exists(_folder.Path), $"{_folder.Path} was left behind");
    }

    [Fact]
    public void A_folder_already_gone_or_disposed_twice_is_fine()
    {
        Directory.Delete(_folder.Path);

        _folder.Dispose();
        _folder.Dispose();

        Assert.False(Directory.Exists(_folder.Path));
    }

    [Theory]
    [InlineData("../escaped.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    public void A_path_outside_the_folder_is_refused(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => _folder.File(name));
        Assert.Contains(_folder.Path, e.Message, StringComparison.Ordinal);
    }
}
