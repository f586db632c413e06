namespace LinkedAudiences.Core.Demo;

/// <summary>households, the household_members junction (a few rows repeated, as junctions often are) and pets.</summary>
internal static class DemoHouseholdRows
{
    public static IEnumerable<object?[]> Households(DemoWorld world)
    {
        foreach (var household in world.Households())
        {
            var r = world.Random(DemoStream.Household, household.HouseholdId);
            var city = household.Members.Length > 0 && r.Percent(85)
                ? DemoVocabulary.Cities[household.FirstMemberCity].City
                : r.Pick(DemoVocabulary.Cities).City;
            var people = household.Members.Length + (household.SecondaryMember >= 0 ? 1 : 0) + household.Shape.ExtraSize;
            yield return [household.HouseholdId, city, (long)Math.Max(1, people), world.Clock.RecentDate(ref r)];
        }
    }

    public static IEnumerable<object?[]> Members(DemoWorld world)
    {
        foreach (var household in world.Households())
        {
            foreach (var member in household.Members)
            {
                yield return [household.HouseholdId, DemoWorld.ProfileId(member)];
            }

            if (household.SecondaryMember >= 0)
            {
                yield return [household.HouseholdId, DemoWorld.ProfileId(household.SecondaryMember)];
            }

            // The same link twice: a household must still count once (SEMANTICS: junction rows are de-duplicated).
            if (household.Shape.DuplicateRow && household.Members.Length > 0)
            {
                yield return [household.HouseholdId, DemoWorld.ProfileId(household.Members[0])];
            }
        }
    }

    public static IEnumerable<object?[]> Pets(DemoWorld world)
    {
        long petId = 0;
        foreach (var household in world.Households())
        {
            for (var k = 0; k < household.Shape.Pets; k++)
            {
                petId++;
                var r = world.Random(DemoStream.Pet, petId);
                yield return
                [
                    petId,
                    household.HouseholdId,
                    DemoVocabulary.PetTypes[r.Weighted(DemoVocabulary.PetTypeWeights)],
                    r.Pick(DemoVocabulary.PetNames),
                    r.Percent(5) ? null : DemoMoney.FromCents(r.Between(1, 36) * 50L),
                    world.Clock.RecentDate(ref r),
                ];
            }
        }
    }
}
