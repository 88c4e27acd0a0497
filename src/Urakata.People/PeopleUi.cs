namespace Urakata.People;

/// <summary>Anchor type of the People pages' strings (<c>Resources/PeopleUi.resx</c> Japanese, <c>.en.resx</c> English).</summary>
public sealed class PeopleUi;
