package resetkit.mail;

/** Makes caller-supplied text safe for a mail header: no CR, LF or other control characters. */
public final class HeaderText {
    private HeaderText() {
    }

    public static String clean(String value, int maxLength) {
        if (value == null) {
            return "";
        }
        String cleaned = value.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", " ").replaceAll(" {2,}", " ").trim();
        return cleaned.length() > maxLength ? cleaned.substring(0, maxLength) : cleaned;
    }
}
