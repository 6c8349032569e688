using static TranscribeBlazor.Tests.Support.ScriptedEngine;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Tests.Transcripts;

[Trait(Category.Name, Category.Unit)]
public sealed class TranscriptStateTests
{
    [Fact]
    public void APartial_ReplacesThePreviousPartial()
    {
        var state = TranscriptState.Empty.Apply(Result("a", "the", partial: true)).Apply(Result("a", "the mr john", partial: true));
        Assert.Equal("the mr john", state.Partial!.Transcript);
        Assert.Empty(state.Finals);
    }

    [Fact]
    public void AFinal_SettlesItsPartial_AndIsAppended()
    {
        var state = TranscriptState.Empty
            .Apply(Result("a", "the mr john", partial: true))
            .Apply(Result("a", "and mr john", partial: false))
            .Apply(Result("b", "he was", partial: true));
        Assert.Equal(["and mr john"], state.Finals.Select(f => f.Transcript));
        Assert.Equal("he was", state.Partial!.Transcript);

        state = state.Apply(Result("b", "he was not", partial: false));
        Assert.Equal(["and mr john", "he was not"], state.Finals.Select(f => f.Transcript));
        Assert.Null(state.Partial);
        Assert.Equal($"and mr john{Environment.NewLine}he was not", state.FinalText);
    }

    [Fact]
    public void AnEmptyFinal_WithdrawsItsPartial_WithoutAddingASegment()
    {
        var state = TranscriptState.Empty.Apply(Result("a", "uh", partial: true)).Apply(Result("a", "", partial: false));
        Assert.Null(state.Partial);
        Assert.Empty(state.Finals);
    }

    [Fact]
    public void AFinalForAnotherResult_LeavesTheCurrentPartialAlone()
    {
        var state = TranscriptState.Empty.Apply(Result("b", "still talking", partial: true)).Apply(Result("a", "earlier words", partial: false));
        Assert.Equal("still talking", state.Partial!.Transcript);
        Assert.Single(state.Finals);
    }

    [Fact]
    public void Apply_NeverChangesTheStateItWasCalledOn()
    {
        var before = TranscriptState.Empty.Apply(Result("a", "one", partial: false));
        _ = before.Apply(Result("b", "two", partial: false));
        Assert.Single(before.Finals);
    }
}
