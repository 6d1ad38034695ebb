using System.Net.Mail;

namespace Pipeline.Application.Reminders;

/// <summary>Contact addresses as a person types them: comma-separated, each a plain address
/// (<c>a@example.jp</c>).</summary>
public static class ContactAddresses
{
    /// <summary>Most addresses kept for one department.</summary>
    public const int MaxCount = 20;

    /// <summary>The addresses, in order without repeats; or the problem (Japanese and English) with the first bad
    /// one.</summary>
    public static (IReadOnlyList<string> Addresses, string? Problem) Parse(string text)
    {
        var result = new List<string>();
        foreach (
            var part in text.Split([',', ';', '\n'],
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!MailAddress.TryCreate(part, out var address) || address.Address != part
                || address.DisplayName.Length > 0)
            {
                return ([], $"メールアドレスとして読めません: '{part}' / not an e-mail address: '{part}' (write a@example.jp)");
            }

            if (!result.Contains(part, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(part);
            }
        }

        return result.Count > MaxCount
            ? ([], $"宛先は{MaxCount}件までです / at most {MaxCount} addresses")
            : (result, null);
    }
}
