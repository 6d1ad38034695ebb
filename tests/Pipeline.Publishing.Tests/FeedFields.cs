using System.Collections;
using System.Reflection;

namespace Pipeline.Publishing.Tests;

/// <summary>
/// The fields of a document model found by reflection, for tests that must change each one: every settable property
/// of every record reachable from a root type (<see cref="Reachable"/>), and for a given document one place where each
/// can be changed on its own (<see cref="Sites"/>), with the document so changed (<see cref="Changed"/>). A field that
/// is null or an empty list in the document is filled with a made value, and its own fields are changed inside it.
/// </summary>
internal static class FeedFields
{
    /// <summary>One field of a record type, as <c>Type.Property</c>.</summary>
    public static string Name(PropertyInfo property) => $"{property.DeclaringType!.Name}.{property.Name}";

    /// <summary>Every settable property of every record type reachable from <paramref name="root"/>.</summary>
    public static IReadOnlyList<PropertyInfo> Reachable(Type root)
    {
        var seen = new HashSet<Type>();
        var fields = new List<PropertyInfo>();
        void Visit(Type type)
        {
            type = Element(type);
            if (IsScalar(type) || !seen.Add(type))
            {
                return;
            }

            foreach (var property in Settable(type))
            {
                fields.Add(property);
                Visit(property.PropertyType);
            }
        }

        Visit(root);
        return fields;
    }

    /// <summary>
    /// For each field of <see cref="Reachable"/>, the first place in <paramref name="document"/> where it can be
    /// changed: the document to start from (the given one, or one with a null field filled) and the path to it.
    /// </summary>
    public static IReadOnlyDictionary<string, (object Base, IReadOnlyList<object> Path)> Sites(object document)
    {
        var sites = new Dictionary<string, (object, IReadOnlyList<object>)>(StringComparer.Ordinal);
        void Walk(object baseDocument, object node, List<object> path, bool fill)
        {
            foreach (var property in Settable(node.GetType()))
            {
                var value = property.GetValue(node);
                List<object> here = [.. path, property];
                var type = property.PropertyType;
                if (!IsScalar(Element(type)) && (value is null || value is IList { Count: 0 }))
                {
                    if (!fill)
                    {
                        continue;
                    }

                    // Filled, the field is changed (null or empty to a value); its own fields are changed inside it.
                    var filled = Changed(baseDocument, here);
                    sites.TryAdd(Name(property), (baseDocument, here));
                    Enter(filled, Get(filled, here)!, here, fill);
                    continue;
                }

                if (IsScalar(Element(type)) || value is IDictionary)
                {
                    sites.TryAdd(Name(property), (baseDocument, here));
                    continue;
                }

                sites.TryAdd(Name(property), (baseDocument, here));
                Enter(baseDocument, value!, here, fill);
            }
        }

        void Enter(object baseDocument, object value, List<object> path, bool fill)
        {
            if (value is IList list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    Walk(baseDocument, list[i]!, [.. path, i], fill);
                }
            }
            else
            {
                Walk(baseDocument, value, path, fill);
            }
        }

        // The document's own values first; then, for fields it never holds, made ones.
        Walk(document, document, [], fill: false);
        Walk(document, document, [], fill: true);
        return sites;
    }

    /// <summary><paramref name="document"/> with the field at <paramref name="path"/> changed, nothing else.</summary>
    public static object Changed(object document, IReadOnlyList<object> path, int variant = 0) =>
        With(document, path, 0, variant)!;

    /// <summary>
    /// The ways <see cref="Changed"/> changes the field: a number is moved by 1, −1, 100 or −100 (a change that makes
    /// the document impossible, a plan ending before it starts, gives way to the next); anything else one way.
    /// </summary>
    public static int Variants(object document, IReadOnlyList<object> path) =>
        Get(document, path) is int or { } and not (string or decimal or bool or DateTimeOffset or Enum or IEnumerable)
            ? IntegerSteps.Length
            : 1;

    private static readonly int[] IntegerSteps = [1, -1, 100, -100];

    /// <summary>The value at <paramref name="path"/>.</summary>
    public static object? Get(object document, IReadOnlyList<object> path) =>
        path.Aggregate<object, object?>(document, (node, step) => step switch
        {
            PropertyInfo property => property.GetValue(node),
            int index => ((IList)node!)[index],
            _ => throw new ArgumentException($"not a step: {step}"),
        });

    /// <summary>A path as a person reads it: <c>Indicators[0].Actuals[1].Value</c>.</summary>
    public static string Describe(IReadOnlyList<object> path) =>
        string.Concat(path.Select(s => s is int i ? $"[{i}]" : "." + ((PropertyInfo)s).Name)).TrimStart('.');

    private static object? With(object? node, IReadOnlyList<object> path, int at, int variant)
    {
        if (at == path.Count)
        {
            throw new ArgumentException("the path names no field");
        }

        switch (path[at])
        {
            case PropertyInfo property:
                var copy = node!.GetType().GetMethod("<Clone>$")!.Invoke(node, null)!;
                var value = property.GetValue(node);
                property.SetValue(copy, at == path.Count - 1
                    ? Change(value, property.PropertyType, variant)
                    : With(value, path, at + 1, variant));
                return copy;
            case int index:
                var list = (IList)node!;
                var items = NewList(Element(list.GetType()));
                for (var i = 0; i < list.Count; i++)
                {
                    items.Add(i == index ? With(list[i], path, at + 1, variant) : list[i]);
                }

                return items;
            default:
                throw new ArgumentException($"not a step: {path[at]}");
        }
    }

    /// <summary>A value other than <paramref name="value"/> of <paramref name="type"/>.</summary>
    private static object? Change(object? value, Type type, int variant = 0)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (value is null)
        {
            return Make(underlying ?? type, depth: 0);
        }

        type = underlying ?? type;
        switch (value)
        {
            case string text:
                return text + "変";
            case int number:
                return number + IntegerSteps[variant];
            case decimal number:
                return number + 1;
            case bool flag:
                return !flag;
            case DateTimeOffset instant:
                return instant.AddDays(1);
            case Enum:
                var values = Enum.GetValues(type);
                return values.GetValue((Array.IndexOf(values, value) + 1) % values.Length);
            case IDictionary dictionary:
                var changed = NewDictionary(type);
                foreach (DictionaryEntry entry in dictionary)
                {
                    changed[entry.Key] = entry.Value;
                }

                var (keyType, valueType) = (type.GetGenericArguments()[0], type.GetGenericArguments()[1]);
                var key = dictionary.Count == 0 ? Make(keyType, 0)! : dictionary.Keys.Cast<object>().First();
                changed[key] = changed[key] is { } old ? Change(old, valueType) : Make(valueType, 0);
                return changed;
            case IList list:
                var element = Element(type);
                var items = NewList(element);
                foreach (var item in list)
                {
                    items.Add(item);
                }

                if (items.Count == 0)
                {
                    items.Add(Make(element, 0));
                }
                else if (IsScalar(element))
                {
                    items[0] = Change(items[0], element);
                }
                else
                {
                    items.RemoveAt(items.Count - 1); // a list of records loses its last
                }

                return items;
            default:
                // A record: its first field changed (a field of a field counts as the field's change).
                var copy = type.GetMethod("<Clone>$")?.Invoke(value, null)
                    ?? throw new NotSupportedException($"no change made for {type.Name}");
                var first = Settable(type).First();
                first.SetValue(copy, Change(first.GetValue(value), first.PropertyType, variant));
                return copy;
        }
    }

    /// <summary>A value of <paramref name="type"/>, every field of it set (lists with one item).</summary>
    private static object? Make(Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        object? scalar = type switch
        {
            _ when type == typeof(string) => "見本",
            _ when type == typeof(int) => 2023,
            _ when type == typeof(decimal) => 7m,
            _ when type == typeof(bool) => true,
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero),
            { IsEnum: true } => Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1),
            _ => null,
        };
        if (scalar is not null)
        {
            return scalar;
        }

        if (depth > 8)
        {
            throw new NotSupportedException($"{type.Name} nests too deep to be made");
        }

        if (type.IsGenericType && type.GetGenericArguments().Length == 2)
        {
            var dictionary = NewDictionary(type);
            var (keyType, valueType) = (type.GetGenericArguments()[0], type.GetGenericArguments()[1]);
            dictionary[Make(keyType, depth + 1)!] = Make(valueType, depth + 1);
            return dictionary;
        }

        if (type != Element(type))
        {
            var items = NewList(Element(type));
            items.Add(Make(Element(type), depth + 1));
            return items;
        }

        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke([.. constructor.GetParameters().Select(p => Make(p.ParameterType, depth + 1))]);
    }

    private static IList NewList(Type element) =>
        (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;

    private static IDictionary NewDictionary(Type type) =>
        (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(type.GetGenericArguments()))!;

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null && p.GetIndexParameters().Length == 0);

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
            || type == typeof(DateTimeOffset) || (type.IsGenericType && type.GetGenericArguments().Length == 2);
    }

    /// <summary>The item type of a list type; the type itself otherwise.</summary>
    private static Type Element(Type type) =>
        type == typeof(string) ? type
        : type.IsArray ? type.GetElementType()!
        : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            is { } enumerable && !(type.IsGenericType && type.GetGenericArguments().Length == 2)
            ? enumerable.GetGenericArguments()[0]
            : type;
}
