/* Invalid per the YAML test suite, accepted by libyaml 0.2.5's scanner (the
 * suite's README warns that libyaml does not pass every case). Reason per
 * case, from the suite's titles: */
"9C9N",     /* wrong indented flow sequence */
"9JBA",     /* invalid comment after end of flow sequence */
"CVW2",     /* invalid comment after comma */
"DK95/01",  /* tabs that look like indentation */
"G5U8",     /* plain dashes in flow sequence */
"MUS6/00",  /* directive variants */
"QB6E",     /* wrong indented multiline quoted scalar */
"S98Z",     /* block scalar with more spaces than first content line */
"SU5Z",     /* comment without whitespace after doublequoted scalar */
"X4QW",     /* comment without whitespace after block scalar indicator */
"Y79Y/003", /* tabs in various contexts */
"YJV2",     /* dash in flow sequence */
