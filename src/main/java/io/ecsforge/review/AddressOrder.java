package io.ecsforge.review;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders resource addresses the way a reader counts: {@code svc[2]} before {@code svc[10]}.
 * Runs of digits compare as numbers, everything else as text; ties fall back to plain text order
 * so that the order is total and the same on every machine.
 */
final class AddressOrder implements Comparator<String> {
    static final AddressOrder INSTANCE = new AddressOrder();
    private static final Pattern PART = Pattern.compile("\\d+|\\D+");

    private AddressOrder() {}

    @Override
    public int compare(String a, String b) {
        Matcher x = PART.matcher(a);
        Matcher y = PART.matcher(b);
        while (x.find() & y.find()) {
            String p = x.group();
            String q = y.group();
            boolean pDigits = Character.isDigit(p.charAt(0));
            boolean qDigits = Character.isDigit(q.charAt(0));
            int order = pDigits && qDigits ? new BigInteger(p).compareTo(new BigInteger(q)) : p.compareTo(q);
            if (order != 0) {
                return order;
            }
        }
        return a.compareTo(b);
    }
}
