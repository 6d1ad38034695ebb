using Pipeline.Application.Ports;

namespace Pipeline.Application.Tests;

/// <summary>A portal's push mark keeps the text stored before it was a type.</summary>
public sealed class PortalPushMarkTests
{
    [Fact]
    public void A_mark_is_stored_as_the_hash_to_the_destination()
    {
        var mark = new PortalPushMark("9f86d081", "https://ckan.example/dataset/kumamoto-welfare-4");
        Assert.Equal("9f86d081 to https://ckan.example/dataset/kumamoto-welfare-4", mark.ToString());
        Assert.Equal(mark, PortalPushMark.Parse(mark.ToString()));
    }

    [Fact]
    public void A_mark_stored_before_destinations_equals_no_mark_of_today()
    {
        var legacy = PortalPushMark.Parse("9f86d081");
        Assert.Equal("9f86d081", legacy.ContentHash);
        Assert.NotEqual(new PortalPushMark("9f86d081", "https://ckan.example/dataset/kumamoto-welfare-4"), legacy);
    }
}
