namespace Pipeline.Application.Ports;

/// <summary>
/// The contact addresses reminders go to, per plan and department or secretariat (RULES.md §12): kept in Table Storage,
/// never in open data or the repository.
/// </summary>
public interface IContactStore
{
    /// <summary>The addresses, in the order they were set; empty where none are.</summary>
    Task<IReadOnlyList<string>> AddressesAsync(ContactOwner owner, CancellationToken cancellationToken);

    /// <summary>Replaces the addresses (an empty list removes them).</summary>
    Task SetAsync(ContactOwner owner, IReadOnlyList<string> addresses, CancellationToken cancellationToken);
}
