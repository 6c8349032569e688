using System.Text.RegularExpressions;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Architecture;

/// <summary>
/// The app's folders depend on each other in one direction only (Engines never on Sessions, Uploads never
/// on Sessions, ...), so each can be read and changed on its own. Read from the sources: a folder depends on
/// another when one of its files names a type declared there. A folder holds its subfolders: those build on
/// their parent's contracts and the parent composes them, so edges between a folder and its own subfolders
/// do not count.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public sealed partial class FolderDependencyTests
{
    // Razor component names that are also ordinary words in code (an Error enum value, "App" in a string, the "Home" key).
    private static readonly HashSet<string> AmbiguousNames = ["Error", "App", "Routes", "Program", "Home"];

    [Fact]
    public void NoTwoFoldersDependOnEachOther_DirectlyOrInACircle()
    {
        var edges = FolderEdges();
        var cycles = StronglyConnected(edges).Where(c => c.Count > 1).ToList();

        Assert.True(cycles.Count == 0, string.Join("\n", cycles.Select(c =>
            $"cycle {string.Join(" ⇄ ", c)}: " + string.Join("; ", edges.Where(e => c.Contains(e.Key.From) && c.Contains(e.Key.To))
                .Select(e => $"{e.Key.From} → {e.Key.To} ({string.Join(", ", e.Value.Take(3))})")))));
    }

    [Fact]
    public void TheCheckSeesRealDependencies()
    {
        // Guards the test above against reading nothing: these edges exist by design.
        var edges = FolderEdges();
        Assert.Contains(("Sessions", "Engines"), edges.Keys);
        Assert.Contains(("Sessions", "Uploads"), edges.Keys);
        Assert.Contains(("Health", "Admission"), edges.Keys);
        Assert.DoesNotContain(("Engines", "Sessions"), edges.Keys);
        Assert.DoesNotContain(("Uploads", "Sessions"), edges.Keys);
    }

    private static Dictionary<(string From, string To), List<string>> FolderEdges()
    {
        string root = Path.Combine(RepositoryRoot.Find() ?? throw new InvalidOperationException("TranscribeBlazor.sln not found above the test binary"), "src", "TranscribeBlazor");
        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToDictionary(f => f, f => LineComment().Replace(File.ReadAllText(f), ""));
        string FolderOf(string file) => Path.GetRelativePath(root, Path.GetDirectoryName(file)!).Replace('\\', '/');

        var declaredIn = new Dictionary<string, HashSet<string>>();
        foreach (var (file, text) in files)
        {
            var names = Declaration().Matches(text).Select(m => m.Groups[1].Value).ToList();
            if (file.EndsWith(".razor", StringComparison.Ordinal)) names.Add(Path.GetFileNameWithoutExtension(file));
            foreach (var name in names.Where(n => !AmbiguousNames.Contains(n)))
                (declaredIn.TryGetValue(name, out var set) ? set : declaredIn[name] = []).Add(FolderOf(file));
        }

        var edges = new Dictionary<(string, string), List<string>>();
        foreach (var (file, text) in files)
        {
            string from = FolderOf(file);
            foreach (string word in Identifier().Matches(text).Select(m => m.Value).Distinct())
            {
                if (!declaredIn.TryGetValue(word, out var folders) || folders.Count != 1) continue;
                string to = folders.First();
                if (Related(from, to)) continue;
                (edges.TryGetValue((from, to), out var why) ? why : edges[(from, to)] = []).Add($"{Path.GetFileName(file)} names {word}");
            }
        }
        return edges;
    }

    private static bool Related(string a, string b) =>
        a == b || a == "." || b == "." || a.StartsWith(b + "/", StringComparison.Ordinal) || b.StartsWith(a + "/", StringComparison.Ordinal);

    /// <summary>Tarjan's strongly connected components: each of more than one folder is a cycle.</summary>
    private static List<List<string>> StronglyConnected(Dictionary<(string From, string To), List<string>> edges)
    {
        var graph = edges.Keys.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var result = new List<List<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            foreach (var w in graph.GetValueOrDefault(v, []))
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (stack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string x;
            do { x = stack.Pop(); component.Add(x); } while (x != v);
            result.Add([.. component.Order()]);
        }
        foreach (var v in graph.Keys.ToList())
            if (!index.ContainsKey(v)) Visit(v);
        return result;
    }

    [GeneratedRegex(@"//.*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(?:struct\s+|class\s+)?([A-Z]\w*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Identifier();
}
