using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Pipeline.Architecture.Tests;

/// <summary>
/// Which namespaces (folders) of one assembly use which others, read from the compiled IL with Mono.Cecil: base
/// types, interfaces, fields, properties, method signatures, locals, attributes and every type, method and field
/// an instruction names. Compiler-generated nested types count for the type they are nested in.
/// </summary>
internal sealed class NamespaceGraph
{
    private readonly Dictionary<string, Dictionary<string, string>> _edges = new(StringComparer.Ordinal);

    private NamespaceGraph(ModuleDefinition module)
    {
        foreach (var type in module.Types.Where(t => t.Name != "<Module>" && IsFolder(t.Namespace)))
        {
            foreach (var used in Uses(type).Distinct())
            {
                if (used.Module == module && used.Namespace != type.Namespace && IsFolder(used.Namespace))
                {
                    var to = _edges.TryGetValue(type.Namespace, out var existing) ? existing : _edges[type.Namespace] = new(StringComparer.Ordinal);
                    to.TryAdd(used.Namespace, $"{type.Name} uses {used.Name}");
                }
            }
        }
    }

    /// <summary>
    /// A namespace of our own (a folder). Code a source generator adds in a namespace of its own (the configuration
    /// binder's <c>Microsoft.Extensions.Configuration.Binder.SourceGeneration</c>) binds our types and is no folder.
    /// </summary>
    private static bool IsFolder(string? name) =>
        name is not null && name.StartsWith("Pipeline", StringComparison.Ordinal);

    /// <summary>The graph of the assembly at <paramref name="path"/>.</summary>
    public static NamespaceGraph Of(string path)
    {
        using var module = ModuleDefinition.ReadModule(path);
        return new NamespaceGraph(module);
    }

    /// <summary>The groups of namespaces that use each other in a loop, each with one use per edge as evidence.</summary>
    public IReadOnlyList<string> Loops()
    {
        var loops = new List<string>();
        foreach (var component in StronglyConnected().Where(c => c.Count > 1))
        {
            var members = component.ToHashSet(StringComparer.Ordinal);
            var evidence = component.SelectMany(from => _edges[from]
                .Where(e => members.Contains(e.Key))
                .Select(e => $"{from} → {e.Key} ({e.Value})"));
            loops.Add(string.Join("; ", evidence));
        }

        return loops;
    }

    private List<List<string>> StronglyConnected()
    {
        // Tarjan's algorithm over the namespace graph.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<List<string>>();
        var next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in _edges.TryGetValue(v, out var to) ? to.Keys : Enumerable.Empty<string>())
            {
                if (!index.TryGetValue(w, out var seen))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], seen);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                result.Add(component);
            }
        }

        foreach (var v in _edges.Keys.Concat(_edges.Values.SelectMany(e => e.Keys)).Distinct(StringComparer.Ordinal).ToList())
        {
            if (!index.ContainsKey(v))
            {
                Visit(v);
            }
        }

        return result;
    }

    private static IEnumerable<TypeDefinition> Uses(TypeDefinition type)
    {
        var seen = new HashSet<TypeReference>();
        foreach (var reference in References(type))
        {
            foreach (var element in Elements(reference))
            {
                // A type of this module is read as its definition; one of another assembly is only a reference.
                if (seen.Add(element) && element is TypeDefinition definition)
                {
                    yield return Outermost(definition);
                }
            }
        }
    }

    private static IEnumerable<TypeReference> References(TypeDefinition type)
    {
        if (type.BaseType is not null)
        {
            yield return type.BaseType;
        }

        foreach (var i in type.Interfaces)
        {
            yield return i.InterfaceType;
        }

        foreach (var a in type.CustomAttributes)
        {
            yield return a.AttributeType;
            foreach (var argument in a.ConstructorArguments.Where(x => x.Value is TypeReference))
            {
                yield return (TypeReference)argument.Value;
            }
        }

        foreach (var f in type.Fields)
        {
            yield return f.FieldType;
        }

        foreach (var p in type.Properties)
        {
            yield return p.PropertyType;
        }

        foreach (var m in type.Methods)
        {
            foreach (var reference in MethodReferences(m))
            {
                yield return reference;
            }
        }

        foreach (var nested in type.NestedTypes)
        {
            foreach (var reference in References(nested))
            {
                yield return reference;
            }
        }
    }

    private static IEnumerable<TypeReference> MethodReferences(MethodDefinition method)
    {
        yield return method.ReturnType;
        foreach (var p in method.Parameters)
        {
            yield return p.ParameterType;
        }

        foreach (var a in method.CustomAttributes)
        {
            yield return a.AttributeType;
        }

        if (!method.HasBody)
        {
            yield break;
        }

        foreach (var v in method.Body.Variables)
        {
            yield return v.VariableType;
        }

        foreach (var instruction in method.Body.Instructions)
        {
            switch (instruction.Operand)
            {
                case TypeReference t:
                    yield return t;
                    break;
                case MethodReference m:
                    yield return m.DeclaringType;
                    yield return m.ReturnType;
                    foreach (var p in m.Parameters)
                    {
                        yield return p.ParameterType;
                    }

                    if (m is GenericInstanceMethod g)
                    {
                        foreach (var argument in g.GenericArguments)
                        {
                            yield return argument;
                        }
                    }

                    break;
                case FieldReference f:
                    yield return f.DeclaringType;
                    yield return f.FieldType;
                    break;
                case Instruction or Instruction[] or VariableDefinition or ParameterDefinition or null:
                    break;
            }
        }
    }

    /// <summary>The named types inside a reference: the element of an array or pointer, a generic type and its arguments.</summary>
    private static IEnumerable<TypeReference> Elements(TypeReference reference)
    {
        switch (reference)
        {
            case GenericInstanceType generic:
                foreach (var inner in Elements(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Elements)))
                {
                    yield return inner;
                }

                break;
            case TypeSpecification specification:
                foreach (var inner in Elements(specification.ElementType))
                {
                    yield return inner;
                }

                break;
            case GenericParameter:
                break;
            default:
                yield return reference;
                break;
        }
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }
}
