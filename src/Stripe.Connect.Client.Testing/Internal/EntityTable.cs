namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>Objects of one kind by id, in insertion order.</summary>
internal sealed class EntityTable
{
    private readonly Dictionary<string, Entity> _items = new(StringComparer.Ordinal);

    public IEnumerable<Entity> All => _items.Values;

    public void Add(Entity entity) => _items[entity.Id] = entity;

    public Entity? Find(string id) => _items.GetValueOrDefault(id);

    public bool Remove(string id) => _items.Remove(id);

    public void RemoveWhere(Func<Entity, bool> predicate)
    {
        foreach (var id in _items.Values.Where(predicate).Select(e => e.Id).ToList())
        {
            _items.Remove(id);
        }
    }

    public void Clear() => _items.Clear();
}
