using System.ComponentModel.DataAnnotations;

namespace TranscribeBlazor.Api;

/// <summary>The HTTP API for programs (section <c>Api</c>): off unless at least one key is configured.</summary>
public sealed class ApiOptions : IValidatableObject
{
    public const string Section = "Api";

    /// <summary>The bearer keys a program may send; none means <c>/api/transcriptions</c> is not served.</summary>
    public List<string> Keys { get; set; } = [];

    public bool Enabled => Keys.Count > 0;

    // 16 characters: a short key is guessable by trying, and a typo'd one-character key would open the API.
    private const int MinimumKeyLength = 16;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (int i = 0; i < Keys.Count; i++)
            if (string.IsNullOrWhiteSpace(Keys[i]) || Keys[i].Trim().Length < MinimumKeyLength)
                yield return new ValidationResult($"Api:Keys:{i} must be at least {MinimumKeyLength} characters (generate one with `openssl rand -base64 32`).", [nameof(Keys)]);
    }
}
