package io.ecsforge.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IPv4 CIDR block, as a network address and a prefix length. */
public record Cidr(long address, int prefix) {
    /** The private ranges of RFC 1918, which no request to a public address comes from. */
    public static final List<Cidr> PRIVATE = List.of(new Cidr(10L << 24, 8), new Cidr((172L << 24) | (16 << 16), 12),
            new Cidr((192L << 24) | (168 << 16), 16));
    /** {@link #PRIVATE} in words: {@code 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16}. */
    public static final String PRIVATE_TEXT = PRIVATE.get(0) + ", " + PRIVATE.get(1) + ", " + PRIVATE.get(2);

    private static final Pattern FORM = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    /** Parses {@code a.b.c.d/n}; empty when the text is not a CIDR block with its host bits zero. */
    public static Optional<Cidr> parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return Optional.empty();
            }
            address = (address << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32 || (address & ~mask(prefix) & 0xFFFFFFFFL) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(address, prefix));
    }

    /**
     * Empty when {@code text} is a CIDR block with its host bits zero; else what is wrong with it,
     * in words for a message ({@code "10.0.0.1/16" has host bits set; ...}).
     */
    static Optional<String> problem(String text) {
        if (parse(text).isPresent()) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text);
        boolean wellFormed = m.matches() && Integer.parseInt(m.group(5)) <= 32;
        for (int i = 1; wellFormed && i <= 4; i++) {
            wellFormed = Integer.parseInt(m.group(i)) <= 255;
        }
        if (!wellFormed) {
            return Optional.of("\"" + text + "\" is not an IPv4 CIDR block; allowed: a.b.c.d/n with a to d from 0 to 255"
                    + " and n from 0 to 32");
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            address = (address << 8) | Integer.parseInt(m.group(i));
        }
        int prefix = Integer.parseInt(m.group(5));
        Cidr network = new Cidr(address & mask(prefix), prefix);
        return Optional.of("\"" + text + "\" has host bits set; allowed: the block's network address, " + network);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    public long last() {
        return address + size() - 1;
    }

    public boolean overlaps(Cidr other) {
        return address <= other.last() && other.address <= last();
    }

    public boolean contains(Cidr other) {
        return address <= other.address && other.last() <= last();
    }

    /** The {@code index}-th block of prefix {@code prefix + newBits} inside this one. */
    public Cidr subnet(int newBits, int index) {
        int childPrefix = prefix + newBits;
        return new Cidr(address + index * (1L << (32 - childPrefix)), childPrefix);
    }

    @Override
    public String toString() {
        return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF) + "."
                + (address & 0xFF) + "/" + prefix;
    }
}
