using System.Reflection;

namespace TranscribeBlazor.Tests.Support;

[Trait(Category.Name, Category.Unit)]
public sealed class CategoryTests
{
    [Fact]
    public void EveryTestClass_HasExactlyOneKnownCategory_OnTheClassAlone()
    {
        var classes = typeof(CategoryTests).Assembly.GetTypes()
            .Where(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Any(m => m.IsDefined(typeof(FactAttribute), inherit: true))) // Theory and our skipping attributes derive from Fact
            .ToList();
        var wrong = new List<string>();
        foreach (var type in classes)
        {
            var categories = Categories(type.GetCustomAttributesData()).ToList();
            if (categories.Count != 1 || !Category.All.Contains(categories[0]))
                wrong.Add($"{type.FullName}: [{string.Join(", ", categories)}]");
            // A method's own Category would give its tests two; a part of a class goes under the class's heaviest need.
            foreach (var method in type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                if (Categories(method.GetCustomAttributesData()).Any())
                    wrong.Add($"{type.FullName}.{method.Name}: a Category on the method");
        }

        Assert.True(classes.Count > 40, $"only {classes.Count} test classes found: the reflection is looking in the wrong place");
        Assert.True(wrong.Count == 0, $"Each test class needs exactly one [Trait(Category.Name, ...)] of {string.Join('/', Category.All)}:\n{string.Join('\n', wrong)}");
    }

    private static IEnumerable<string?> Categories(IEnumerable<CustomAttributeData> attributes) =>
        attributes.Where(a => a.AttributeType == typeof(TraitAttribute) && (string?)a.ConstructorArguments[0].Value == Category.Name)
            .Select(a => (string?)a.ConstructorArguments[1].Value);
}
