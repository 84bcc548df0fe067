package care.iop.plan.risk.domain;

import java.util.List;

/**
 * The Stanley-Brown safety plan, section by section as domain.md lists them: warning signs, internal coping strategies,
 * people and places for distraction, people to ask for help, professionals and crisis lines (at least one crisis line),
 * making the environment safe, reasons for living.
 */
public record SafetyPlanSections(List<String> warningSigns, List<String> internalCopingStrategies,
                                 List<String> peopleAndPlacesForDistraction, List<Contact> peopleToAskForHelp,
                                 List<Contact> professionalsAndCrisisLines, List<String> makingTheEnvironmentSafe,
                                 List<String> reasonsForLiving) {

    /** Someone to call: a person, a professional or (with {@code crisisLine}) a crisis line such as 988. */
    public record Contact(String name, String phone, boolean crisisLine) {
    }

    public boolean hasCrisisLine() {
        return professionalsAndCrisisLines.stream().anyMatch(Contact::crisisLine);
    }

    /** The same plan with {@code line} added to the professionals and crisis lines. */
    public SafetyPlanSections withCrisisLine(Contact line) {
        List<Contact> contacts = new java.util.ArrayList<>(professionalsAndCrisisLines);
        contacts.add(line);
        return new SafetyPlanSections(warningSigns, internalCopingStrategies, peopleAndPlacesForDistraction, peopleToAskForHelp,
                List.copyOf(contacts), makingTheEnvironmentSafe, reasonsForLiving);
    }
}
