using Urakata.Platform.Kernel;

namespace Urakata.Tests.Platform.Kernel;

public class CorporateNumberTests
{
    // Reference §1.3: 国税庁 itself, python-stdnum's doctest number, and a third published number.
    [Theory]
    [InlineData("7000012050002")]
    [InlineData("5835678256246")]
    [InlineData("1180301018771")]
    [InlineData("7120001168421")]
    public void IsValid_PublishedNumbers_True(string value)
    {
        Assert.True(CorporateNumber.IsValid(value));
    }

    [Theory]
    [InlineData("8000012050002")] // check digit changed
    [InlineData("7000012050003")] // last base digit changed
    [InlineData("7000012050012")] // a weight-2 digit changed
    [InlineData("5835678256247")]
    [InlineData("5835678265246")] // adjacent digits swapped
    [InlineData("1180301018772")]
    [InlineData("2180301018771")]
    public void IsValid_AlteredDigit_False(string value)
    {
        Assert.False(CorporateNumber.IsValid(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("700001205000")]
    [InlineData("70000120500020")]
    [InlineData("700001205000A")]
    [InlineData(" 7000012050002")]
    [InlineData("７００００１２０５０００２")]
    [InlineData("T7000012050002")]
    public void IsValid_WrongShape_False(string? value)
    {
        Assert.False(CorporateNumber.IsValid(value));
    }

    [Theory]
    [InlineData("000012050002", 7)]
    [InlineData("835678256246", 5)]
    [InlineData("180301018771", 1)]
    public void ComputeCheckDigit_MatchesReference(string twelveDigitBase, int expected)
    {
        Assert.Equal(expected, CorporateNumber.ComputeCheckDigit(twelveDigitBase));
    }

    [Fact]
    public void ComputeCheckDigit_NeverZero()
    {
        // A sum that is a multiple of 9 gives 9 − 0 = 9, not 0.
        Assert.Equal(9, CorporateNumber.ComputeCheckDigit("000000000000"));
        Assert.Equal(9, CorporateNumber.ComputeCheckDigit("000000000009"));
    }

    [Theory]
    [InlineData("00001205000")]
    [InlineData("0000120500021")]
    [InlineData("00001205000X")]
    public void ComputeCheckDigit_BadBase_Throws(string twelveDigitBase)
    {
        Assert.Throws<ArgumentException>(() => CorporateNumber.ComputeCheckDigit(twelveDigitBase));
    }
}
