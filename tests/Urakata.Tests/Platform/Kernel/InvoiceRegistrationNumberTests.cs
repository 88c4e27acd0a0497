using Urakata.Platform.Kernel;

namespace Urakata.Tests.Platform.Kernel;

public class InvoiceRegistrationNumberTests
{
    [Theory]
    [InlineData("T7120001168421")]
    [InlineData("T7000012050002")]
    public void IsValid_TAndThirteenDigits_True(string value)
    {
        Assert.True(InvoiceRegistrationNumber.IsValid(value));
    }

    [Fact]
    public void IsValid_WrongCheckDigit_StillTrueBecauseFormatOnly()
    {
        // Individuals' numbers may not follow the 法人番号 rule (reference §1.3 [U]); only the 公表サイト decides.
        Assert.False(CorporateNumber.IsValid("8120001168421"));
        Assert.True(InvoiceRegistrationNumber.IsValid("T8120001168421"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("7120001168421")]
    [InlineData("t7120001168421")]
    [InlineData("T712000116842")]
    [InlineData("T71200011684211")]
    [InlineData("TA120001168421")]
    [InlineData("T7120001168421 ")]
    [InlineData("Ｔ７１２０００１１６８４２１")]
    public void IsValid_WrongShape_False(string? value)
    {
        Assert.False(InvoiceRegistrationNumber.IsValid(value));
    }

    [Theory]
    [InlineData("ｔ７１２０００１１６８４２１", "T7120001168421")]
    [InlineData("Ｔ７１２０００１１６８４２１", "T7120001168421")]
    [InlineData("\u3000T7120001168421 \n", "T7120001168421")]
    [InlineData("t7120001168421", "T7120001168421")]
    [InlineData("T7120001168421", "T7120001168421")]
    public void Normalize_PastedFromPdf_BecomesValid(string pasted, string expected)
    {
        var normalized = InvoiceRegistrationNumber.Normalize(pasted);

        Assert.Equal(expected, normalized);
        Assert.True(InvoiceRegistrationNumber.IsValid(normalized));
    }

    [Fact]
    public void Normalize_Null_ReturnsNull()
    {
        Assert.Null(InvoiceRegistrationNumber.Normalize(null));
    }

    [Fact]
    public void Normalize_Garbage_StaysInvalid()
    {
        Assert.False(InvoiceRegistrationNumber.IsValid(InvoiceRegistrationNumber.Normalize("T7120-0011-68421")));
    }
}
