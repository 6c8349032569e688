using Microsoft.Extensions.Options;
using TranscribeBlazor.Api;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Api;

[Trait(Category.Name, Category.Unit)]
public sealed class ApiRequestTests
{
    [Theory]
    [InlineData(null, null, ApiResponseFormat.Events)]
    [InlineData(null, "application/x-ndjson", ApiResponseFormat.Events)]
    [InlineData(null, "application/json", ApiResponseFormat.Json)]
    [InlineData(null, "application/x-ndjson, application/json;q=0.5", ApiResponseFormat.Events)]
    [InlineData("srt", "application/json", ApiResponseFormat.Srt)]
    [InlineData("VTT", null, ApiResponseFormat.Vtt)]
    [InlineData("txt", null, ApiResponseFormat.Txt)]
    [InlineData("events", "application/json", ApiResponseFormat.Events)]
    public void TheFormat_ComesFromTheQuery_ThenTheAcceptHeader(string? format, string? accept, ApiResponseFormat expected)
    {
        var request = ApiRequest.Parse(new ApiQuery(Format: format), accept, out string? error);
        Assert.Null(error);
        Assert.Equal(expected, request!.Format);
    }

    [Theory]
    [InlineData("docx", "format 'docx'")]
    [InlineData("1", "format '1'")]
    public void AnUnknownFormat_IsNamed(string format, string message)
    {
        Assert.Null(ApiRequest.Parse(new ApiQuery(Format: format), null, out string? error));
        Assert.StartsWith(message, error);
    }

    [Fact]
    public void TranscribeOptions_MapToTheStreamSettings()
    {
        var request = ApiRequest.Parse(new ApiQuery(Engine: " aws ", Language: "de-DE", ShowSpeakerLabel: "true", PartialResultsStability: "Medium",
            VocabularyFilterName: "rude", VocabularyFilterMethod: "tag", RedactPii: "TRUE", PiiEntityTypes: "NAME"), null, out _)!;
        var aws = request.Transcription.Aws!;
        Assert.Equal("aws", request.EngineId);
        Assert.Equal("de-DE", aws.LanguageCode);
        Assert.True(aws.ShowSpeakerLabel);
        Assert.True(aws.PartialResultsStabilization);
        Assert.Equal("medium", aws.PartialResultsStability);
        Assert.Equal("tag", aws.VocabularyFilterMethod);
        Assert.True(aws.RedactPii);
        Assert.Contains(new KeyValuePair<string, string>("content-redaction-type", "PII"), aws.ToQuery(16_000));
    }

    [Theory]
    [InlineData("showSpeakerLabel", "showSpeakerLabel 'yes' is not true or false.")]
    [InlineData("partialResultsStability", "partialResultsStability 'yes' is not one of low, medium, high.")]
    [InlineData("vocabularyFilterMethod", "vocabularyFilterMethod 'yes' is not one of remove, mask, tag.")]
    public void ABadOption_IsNamedInTheError(string name, string message)
    {
        var query = name switch
        {
            "showSpeakerLabel" => new ApiQuery(ShowSpeakerLabel: "yes"),
            "partialResultsStability" => new ApiQuery(PartialResultsStability: "yes"),
            _ => new ApiQuery(VocabularyFilterMethod: "yes"),
        };
        Assert.Null(ApiRequest.Parse(query, null, out string? error));
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData(null, ApiKeyCheck.Missing)]
    [InlineData("", ApiKeyCheck.Missing)]
    [InlineData("Basic dXNlcjpwYXNz", ApiKeyCheck.Missing)]
    [InlineData("Bearer ", ApiKeyCheck.Wrong)]
    [InlineData("Bearer first-key-0123456789", ApiKeyCheck.Accepted)]
    [InlineData("bearer  second-key-0123456789 ", ApiKeyCheck.Accepted)]
    [InlineData("Bearer first-key-012345678", ApiKeyCheck.Wrong)]
    [InlineData("Bearer first-key-0123456789x", ApiKeyCheck.Wrong)]
    public void Keys_AreCheckedWhole(string? authorization, ApiKeyCheck expected)
    {
        var keys = new ApiKeys(Options.Create(new ApiOptions { Keys = ["first-key-0123456789", "second-key-0123456789"] }));
        Assert.Equal(expected, keys.Check(authorization));
    }

    [Fact]
    public void AShortKey_IsRefusedAtStartUp()
    {
        var errors = new ApiOptions { Keys = ["long-enough-key-0123", "short"] }.Validate(new(new object())).ToList();
        Assert.Equal("Api:Keys:1 must be at least 16 characters (generate one with `openssl rand -base64 32`).", Assert.Single(errors).ErrorMessage);
    }
}
