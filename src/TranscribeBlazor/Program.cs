using TranscribeBlazor.Cli;
using TranscribeBlazor.Hosting;

if (args.Length > 0 && args[0] == TranscribeCommand.Verb)
{
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
    return await TranscribeCommand.RunAsync(args[1..], Console.Out, Console.Error, cancel.Token);
}

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddTranscribeBlazor();
}
catch (StartupSettingException e)
{
    await Console.Error.WriteLineAsync(e.Message); // one line naming the setting, no stack trace
    return 1;
}
var app = builder.Build();
app.UseTranscribeBlazor();
try
{
    await app.RunAsync();
}
catch (TranscribeBlazor.Uploads.SpoolDirectoryException e)
{
    // Refusing to start is the point: one line saying what to fix, not a stack trace.
    Console.Error.WriteLine(e.Message);
    return 1;
}
return 0;

public partial class Program;
