package dev.telec.migrate.internal.adapter.out.state;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The instants of state files. The form telec writes, whole seconds in UTC ({@code 2026-11-23T10:15:02Z}),
 * is read by hand: {@link DateTimeFormatter#ISO_INSTANT}'s parser costs several milliseconds to start, on
 * every run that reads a state. Anything else goes to that parser, which accepts or refuses it as before.
 */
final class Instants {

    private Instants() {
    }

    /** @throws java.time.format.DateTimeParseException as {@code DateTimeFormatter.ISO_INSTANT} does */
    static Instant parse(String text) {
        if (text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= lengthOfMonth(year, month)
                    && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60) {
                long days = LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second);
            }
        }
        return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
    }

    /** The number of {@code text[from, to)} when all are ASCII digits, else -1. */
    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
