using Pipeline.Domain.Catalogue;
using Pipeline.Domain.Uploads;

namespace Pipeline.Domain.Tests;

/// <summary>
/// The department an upload's path names (RULES.md §2): a department id, a segment that is none (kept as given), or
/// none where the path is not valid; read once where the blob name comes in.
/// </summary>
public sealed class UploadDepartmentTests
{
    [Theory]
    [InlineData("kumamoto-welfare-4/shakyo/a.csv", "shakyo", "shakyo")]
    [InlineData("shakyo/a.csv", "shakyo", "shakyo")]
    [InlineData("somebody/a.csv", "somebody", "somebody")] // an id the plan does not have is still an id
    [InlineData("Shakyo 2/a.csv", "Shakyo 2", null)]
    [InlineData("SHAKYO/a.csv", "SHAKYO", null)]
    public void A_valid_path_names_its_segment_and_the_department_id_where_the_segment_is_one(
        string blobName, string name, string? id)
    {
        var path = UploadPath.Parse(blobName, BuiltInPlans.Default.Id);
        Assert.True(path.IsValid);
        Assert.Equal((name, id), (path.Department.Name, path.Department.Id?.Value));
        Assert.Equal(name, path.Department.ToString());
    }

    [Theory]
    [InlineData("a.csv")]
    [InlineData("shakyo/../a.csv")]
    [InlineData("shakyo/a\u0007.csv")]
    public void A_path_that_is_not_valid_names_no_department(string blobName)
    {
        var path = UploadPath.Parse(blobName, BuiltInPlans.Default.Id);
        Assert.False(path.IsValid);
        Assert.Equal(UploadDepartment.None, path.Department);
        Assert.Equal((true, null, null), (path.Department.IsNone, path.Department.Name, path.Department.Id));
        Assert.Equal("(none)", path.Department.ToString());
    }

    [Fact]
    public void A_department_id_and_the_segment_it_was_read_from_are_the_same_department() =>
        Assert.Equal(UploadDepartment.Of(DepartmentId.Parse("shakyo")), UploadDepartment.Named("shakyo"));
}
