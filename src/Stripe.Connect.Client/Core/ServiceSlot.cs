namespace Stripe.Connect.Client;

/// <summary>
/// Keeps the first object made for a service property created on first use: <c>ConnectClient</c>'s services, its
/// <c>V2</c> families and each family's services (generated and hand-written properties alike).
/// </summary>
internal static class ServiceSlot
{
    /// <summary>
    /// Stores <paramref name="created"/> unless another thread stored one first, and returns the stored one. Services
    /// hold no state, so two threads racing on first use build equal objects and one is kept.
    /// </summary>
    /// <typeparam name="T">The service type.</typeparam>
    /// <param name="slot">The property's field.</param>
    /// <param name="created">A new service, or <see langword="null"/> on a test double (which then has no service, as before).</param>
    /// <returns>The kept service, or <see langword="null"/> for a test double.</returns>
    public static T Keep<T>(ref T? slot, T? created)
        where T : class =>
        created is null ? null! : Interlocked.CompareExchange(ref slot, created, null) ?? created;
}
