using System.Globalization;

namespace Urakata.Platform.Kernel;

/// <summary>
/// An amount in integer minor units of one ISO 4217 currency. JPY has no minor unit, so
/// <c>Money.Yen(1)</c> is ¥1. Arithmetic is checked: an overflow throws instead of wrapping.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    private const string DefaultCurrency = "JPY";

    private readonly string? _currency;

    private Money(long amount, string currency)
    {
        Amount = amount;
        _currency = currency;
    }

    public long Amount { get; }

    // default(Money) appears in arrays and uninitialised fields; reading it as ¥0 beats a null currency.
    public string Currency => _currency ?? DefaultCurrency;

    public bool IsZero => Amount == 0;

    public bool IsNegative => Amount < 0;

    public static Money Yen(long amount) => new(amount, DefaultCurrency);

    public static Money Of(long amount, string currency) => new(amount, ValidateCurrency(currency));

    public static Money Zero(string currency) => Of(0, currency);

    /// <summary>Sums a non-empty sequence; use the overload with a currency when it may be empty.</summary>
    public static Money Sum(IEnumerable<Money> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Money? total = null;
        foreach (var value in values)
        {
            total = total is { } running ? running.Add(value) : value;
        }

        return total ?? throw new InvalidOperationException(
            "Cannot sum an empty sequence of Money without knowing its currency; call Sum(values, currency).");
    }

    public static Money Sum(IEnumerable<Money> values, string currency)
    {
        ArgumentNullException.ThrowIfNull(values);
        var total = Zero(currency);
        foreach (var value in values)
        {
            total = total.Add(value);
        }

        return total;
    }

    // Explicit checked(...) so overflow throws even if a consumer compiles without CheckForOverflowUnderflow.
    public Money Add(Money other)
    {
        EnsureSameCurrency(other, "add");
        return new(checked(Amount + other.Amount), Currency);
    }

    public Money Subtract(Money other)
    {
        EnsureSameCurrency(other, "subtract");
        return new(checked(Amount - other.Amount), Currency);
    }

    public Money Multiply(long factor) => new(checked(Amount * factor), Currency);

    public Money Negate() => new(checked(-Amount), Currency);

    /// <summary>
    /// Multiplies by a rate (a tax rate, a percentage) and rounds to a whole minor unit with
    /// <paramref name="mode"/>. Modes act on the magnitude, so negative amounts round symmetrically.
    /// </summary>
    public Money MultiplyRate(decimal rate, RoundingMode mode)
    {
        var exact = Amount * rate;
        var rounded = mode switch
        {
            RoundingMode.Truncate => decimal.Truncate(exact),
            RoundingMode.HalfUp => decimal.Round(exact, MidpointRounding.AwayFromZero),
            RoundingMode.Ceiling => exact < 0 ? decimal.Floor(exact) : decimal.Ceiling(exact),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown rounding mode."),
        };
        return new(decimal.ToInt64(rounded), Currency);
    }

    /// <summary>
    /// Splits the amount in proportion to <paramref name="ratios"/> without losing a minor unit:
    /// each part gets its floor, and the units left over go one each to the parts with the largest
    /// remainders, earlier parts first on a tie (100 over 1:1:1 is 34, 33, 33).
    /// </summary>
    public Money[] Allocate(params long[] ratios)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        if (ratios.Length == 0)
        {
            throw new ArgumentException("At least one ratio is required.", nameof(ratios));
        }

        Int128 ratioTotal = 0;
        foreach (var ratio in ratios)
        {
            if (ratio < 0)
            {
                throw new ArgumentException("Ratios must not be negative.", nameof(ratios));
            }

            ratioTotal += ratio;
        }

        if (ratioTotal == 0)
        {
            throw new ArgumentException("At least one ratio must be greater than zero.", nameof(ratios));
        }

        // Int128 holds |long.MinValue| and any long × long product, so nothing here can overflow.
        var magnitude = Int128.Abs(Amount);
        var shares = new Int128[ratios.Length];
        var remainders = new Int128[ratios.Length];
        var leftover = magnitude;
        for (var i = 0; i < ratios.Length; i++)
        {
            var product = magnitude * ratios[i];
            shares[i] = product / ratioTotal;
            remainders[i] = product % ratioTotal;
            leftover -= shares[i];
        }

        var byRemainder = Enumerable.Range(0, ratios.Length)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => i);
        foreach (var i in byRemainder.Take((int)leftover))
        {
            shares[i]++;
        }

        var sign = Amount < 0 ? -1 : 1;
        var currency = Currency;
        return [.. shares.Select(share => new Money((long)(share * sign), currency))];
    }

    public int CompareTo(Money other)
    {
        EnsureSameCurrency(other, "compare");
        return Amount.CompareTo(other.Amount);
    }

    public bool Equals(Money other) =>
        Amount == other.Amount && string.Equals(Currency, other.Currency, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Amount, Currency);

    /// <summary>Culture-independent form for logs and debugging ("1234 JPY"); use <see cref="MoneyFormatter"/> for people.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount} {Currency}");

    public static Money operator +(Money left, Money right) => left.Add(right);

    public static Money operator -(Money left, Money right) => left.Subtract(right);

    public static Money operator -(Money value) => value.Negate();

    public static Money operator *(Money left, long right) => left.Multiply(right);

    public static Money operator *(long left, Money right) => right.Multiply(left);

    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    private void EnsureSameCurrency(Money other, string operation)
    {
        if (!string.Equals(Currency, other.Currency, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"Cannot {operation} {other.Currency} and {Currency} amounts: convert to one currency first.");
        }
    }

    private static string ValidateCurrency(string currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (currency.Length != 3 || currency.AsSpan().ContainsAnyExceptInRange('A', 'Z'))
        {
            throw new ArgumentException(
                $"'{currency}' is not an ISO 4217 currency code: expected three upper-case letters such as JPY.",
                nameof(currency));
        }

        return currency;
    }
}
