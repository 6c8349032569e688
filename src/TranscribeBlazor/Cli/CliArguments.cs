namespace TranscribeBlazor.Cli;

/// <summary>Arguments of the <c>transcribe</c> verb; anything of the form <c>--Section:Key=value</c> goes to configuration.</summary>
public sealed record CliArguments(string File, CliFormat Format, string? Engine, string[] ConfigurationArgs)
{
    public static bool TryParse(string[] args, out CliArguments parsed, out string? error)
    {
        parsed = null!;
        error = null;
        string? file = null, engine = null;
        var format = CliFormat.Jsonl;
        var configuration = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg is "--format" or "--engine")
            {
                if (i + 1 >= args.Length) { error = $"{arg} needs a value."; return false; }
                string value = args[++i];
                if (arg == "--engine") engine = value;
                else if (!Enum.TryParse(value, ignoreCase: true, out format)) { error = $"Unknown format '{value}' (jsonl, txt, srt, vtt or json)."; return false; }
            }
            else if (arg.StartsWith("--") && arg.Contains('='))
                configuration.Add(arg);
            else if (arg.StartsWith("--")) { error = $"Unknown option {arg}."; return false; }
            else if (file is null) file = arg;
            else { error = $"Only one file at a time (got '{file}' and '{arg}')."; return false; }
        }
        if (file is null) { error = "No file given."; return false; }
        parsed = new CliArguments(file, format, engine, [.. configuration]);
        return true;
    }
}
