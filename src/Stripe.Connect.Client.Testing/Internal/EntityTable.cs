namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>Objects of one kind by id, in insertion order.</summary>
internal sealed class EntityTable
{
    private readonly Dictionary<string, Entity> _items = new(StringComparer.Ordinal);

    public IEnumerable<Entity> All => _items.Values;

    public void Add(Entity entity) => _items[entity.Id] = entity;

    public Entity? Find(string id) => _items.GetValueOrDefault(id);

    /// <summary>The objects that belong to a parent (the reversals of a transfer, the refunds of a fee...).</summary>
    public IEnumerable<Entity> ChildrenOf(string parentId) => _items.Values.Where(e => e.Parent == parentId);

    /// <summary>The child whose id is the path segment <paramref name="pathParam"/>, or a 404 naming <paramref name="kind"/>.</summary>
    public Entity RequireChild(Call call, Entity parent, string kind, string pathParam = "id")
    {
        var id = call.Path(pathParam);
        return Find(id) is { } child && child.Parent == parent.Id ? child : throw ApiErrorException.NoSuch("id", kind, id);
    }

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
