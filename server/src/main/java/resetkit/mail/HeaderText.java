package resetkit.mail;

/**
 * Makes caller-supplied text safe for a mail header: no CR, LF or other control characters.
 * A loop rather than regular expressions: it runs for every queued mail, three times.
 */
public final class HeaderText {
    private HeaderText() {
    }

    /** Control characters and line separators become spaces, runs of spaces one space, ends trimmed. */
    public static String clean(String value, int maxLength) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), maxLength));
        boolean pendingSpace = false;
        for (int i = 0; i < value.length() && out.length() < maxLength; i++) {
            char c = value.charAt(i);
            if (c == ' ' || breaksLines(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && out.length() > 0) {
                if (out.length() + 2 > maxLength) {
                    break;
                }
                out.append(' ');
            }
            if (Character.isHighSurrogate(c) && out.length() + 2 > maxLength) {
                break; // half a character is not text
            }
            pendingSpace = false;
            out.append(c);
        }
        return out.toString();
    }

    private static boolean breaksLines(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
