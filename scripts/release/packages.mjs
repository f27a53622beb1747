/**
 * The published packages, in dependency order (a widget's analysis reads ui's manifest): the one
 * list the release check packs and the version test expects `changeset version` to touch.
 */
export const publishedPackages = ['contract', 'sdk', 'ui', 'felanmalan', 'lokalbokning', 'barnomsorg', 'fakturor'];

/** The widget packages among them: packed after the rest, as their analysis reads ui's manifest. */
export const widgetPackages = ['felanmalan', 'lokalbokning', 'barnomsorg', 'fakturor'];
