package org.myotrack.common;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile request bodies made from valid ones: JSON with fields removed, values of the wrong type, numbers no field
 * takes, very long and odd unicode strings, nesting, duplicated keys, truncation, garbage bytes and wrong content
 * types; CSV with wrong headers, bad quoting, byte order marks, binary garbage and huge cells. Every choice is drawn
 * from the caller's {@link Random}, so a run is repeated exactly by its seed.
 */
final class HostileBodies {

    /** JSON text written as is: a token no Java value serialises to (NaN, 1e309, deep nesting). */
    record Raw(String text) {
    }

    /** One request body with the content type it is sent under ({@code null}: no Content-Type header). */
    record Body(byte[] bytes, String contentType, String description) {

        String preview() {
            String text = new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.UTF_8);
            return description + " [" + contentType + ", " + bytes.length + " bytes] " + text;
        }
    }

    private static final List<String> RAW_NUMBERS = List.of("1e309", "-1e309", "NaN", "Infinity", "-Infinity", "-0",
            "1E-400", "4.9e-324", "99999999999999999999999999", "-9223372036854775809", "9223372036854775808",
            "2147483648", "-2147483649", "0.1e99999999", "1.00000000000000000000001", "0x10", "+1", "01", ".5", "1.",
            "1".repeat(1200), "1e" + "9".repeat(12));

    private static final List<String> ODD_DATES = List.of("2019-02-30", "2019-13-01", "0000-01-01", "-0001-01-01",
            "+999999999-12-31", "9999-12-31", "2019-1-1", "2019/01/01", "01.02.2019", "", " ", "2019-02-01T10:00:00Z",
            "1970-01-01", "1800-01-01", "3000-01-01", "2019-02-01\u0000");

    private static final List<String> ODD_TEXT = List.of("", " ", "\u0000", "\uFEFF", "\uD800", "\uDFFF\uD800",
            "\u202Eevil\u202C", "😀🧪", "Ω≈ç√∫", "' OR '1'='1", "<script>alert(1)</script>", "=cmd|' /C calc'!A0",
            "${jndi:ldap://x/a}", "%s%s%n", "\\", "\"", "null", "true", "[]", "{}", "FEMALE ", "female", "PM\u0000",
            "DM,PM", "../../etc/passwd", "\r\n\r\n", "\t");

    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml", "text/csv",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
            "application/json; charset=ISO-8859-1", "application/json; charset=bogus-charset",
            "application/json; charset=UTF-16", "application/json;;;", "application/", "*/*", "json", "");

    private final Random random;

    HostileBodies(Random random) {
        this.random = random;
    }

    /** One value of the wrong kind: an odd number token, a number of any size, odd, long or arbitrary text. */
    private Object leaf() {
        return switch (random.nextInt(24)) {
            case 0, 1, 2 -> new Raw(pick(RAW_NUMBERS));
            case 3, 4 -> new Raw("null");
            case 5, 6 -> random.nextInt();
            case 7, 8 -> random.nextLong();
            case 9, 10 -> (random.nextBoolean() ? 1 : -1) * Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL);
            case 11 -> new BigDecimal(new java.math.BigInteger(200, random), 30).negate();
            case 12, 13 -> random.nextBoolean();
            case 14, 15, 16 -> anyText(random.nextInt(41));
            case 17 -> "abcdefghijklmnopqrstuvwxyz".repeat(200 + random.nextInt(2500));
            case 18, 19, 20 -> pick(ODD_TEXT);
            default -> pick(ODD_DATES);
        };
    }

    /** Text of any UTF-16 code units, unpaired surrogates and control characters included. */
    private String anyText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
        }
        return text.toString();
    }

    /** A value no field of a registry record takes as it stands: a leaf, or a list or object of them. */
    Object junk() {
        return switch (random.nextInt(10)) {
            case 0 -> List.of(leaf(), leaf());
            case 1 -> Map.of(word(), leaf());
            case 2 -> new Raw("[".repeat(3000) + "]".repeat(3000));
            case 3 -> new ArrayList<>(java.util.Collections.nCopies(random.nextInt(5_000), 1));
            default -> leaf();
        };
    }

    /** A hostile JSON body made from a valid one (left unchanged): one to three mutations, then one way of sending. */
    Body json(Map<String, Object> valid) {
        Map<String, Object> body = deepCopy(valid);
        List<String> done = new ArrayList<>();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            done.add(mutate(body));
        }
        String text = write(body);
        String contentType = "application/json";
        switch (random.nextInt(16)) {
            case 0 -> {
                String key = body.isEmpty() ? "x" : pick(new ArrayList<>(body.keySet()));
                text = "{" + quote(key) + ":" + write(junk()) + (body.isEmpty() ? "" : ",") + text.substring(1);
                done.add("duplicated " + key);
            }
            case 1 -> {
                text = text.substring(0, random.nextInt(Math.max(1, text.length())));
                done.add("truncated");
            }
            case 2 -> {
                text = pick(List.of("[]", "[" + text + "]", "\"text\"", "42", "null", "true", "{}", "{{}}", "{\"a\"}",
                        "{'siteCode':'DEMO-A'}", text + text, text + "garbage", "/* comment */" + text));
                done.add("not one object");
            }
            case 3 -> {
                done.add("garbage bytes");
                return new Body(garbage(), contentType, String.join(", ", done));
            }
            case 4 -> {
                done.add("empty");
                return new Body(new byte[0], pick(List.of("application/json", "text/plain")), String.join(", ", done));
            }
            case 5 -> {
                contentType = pick(WRONG_CONTENT_TYPES);
                done.add("content type " + contentType);
            }
            case 6 -> {
                contentType = null;
                done.add("no content type");
            }
            case 7 -> {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                byte[] broken = new byte[bytes.length + 2];
                int at = random.nextInt(bytes.length + 1);
                System.arraycopy(bytes, 0, broken, 0, at);
                broken[at] = (byte) 0xC3;
                broken[at + 1] = (byte) 0x28;
                System.arraycopy(bytes, at, broken, at + 2, bytes.length - at);
                done.add("invalid UTF-8");
                return new Body(broken, contentType, String.join(", ", done));
            }
            case 8 -> {
                text = "\uFEFF" + text;
                done.add("byte order mark");
            }
            default -> {
                // the mutated object as it is
            }
        }
        return new Body(text.getBytes(StandardCharsets.UTF_8), contentType, String.join(", ", done));
    }

    /** A hostile CSV file made from a valid one (header row first, rows of cells). */
    Body csv(List<String> header, List<List<String>> rows) {
        List<String> head = new ArrayList<>(header);
        List<List<String>> body = new ArrayList<>();
        rows.forEach(row -> body.add(new ArrayList<>(row)));
        List<String> done = new ArrayList<>();
        String lineEnd = "\r\n";
        String prefix = "";
        String contentType = "text/csv";
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            // A later mutation needs a column and a row to work on.
            if (head.isEmpty()) {
                head.add(word());
            }
            if (body.isEmpty()) {
                body.add(new ArrayList<>(rows.get(0)));
            }
            switch (random.nextInt(14)) {
                case 0 -> {
                    head.set(random.nextInt(head.size()), pick(List.of("unknown", "PatientId", "", " visitDate", "ck ",
                            "\"", "haq;notes", word())));
                    done.add("wrong header");
                }
                case 1 -> {
                    int column = random.nextInt(head.size());
                    head.remove(column);
                    done.add("header without a column");
                }
                case 2 -> {
                    head.add(pick(head));
                    done.add("repeated header");
                }
                case 3 -> {
                    List<String> row = pick(body);
                    row.set(random.nextInt(row.size()), String.valueOf(junk()));
                    done.add("junk cell");
                }
                case 4 -> {
                    List<String> row = pick(body);
                    row.set(random.nextInt(row.size()), pick(List.of("\"unclosed", "a\"b", "\"x\"y", "\"\"\"", "\"a,b")));
                    done.add("bad quoting");
                }
                case 5 -> {
                    prefix = "\uFEFF";
                    done.add("byte order mark");
                }
                case 6 -> {
                    done.add("binary garbage");
                    return new Body(garbage(), contentType, String.join(", ", done));
                }
                case 7 -> {
                    List<String> row = pick(body);
                    row.set(random.nextInt(row.size()), "x".repeat(100_000 + random.nextInt(400_000)));
                    done.add("huge cell");
                }
                case 8 -> {
                    List<String> row = pick(body);
                    if (random.nextBoolean()) {
                        row.add("extra");
                    } else if (row.size() > 1) {
                        row.remove(row.size() - 1);
                    }
                    done.add("row of the wrong width");
                }
                case 9 -> {
                    lineEnd = pick(List.of("\n", "\r", "\n\r", "\u2028"));
                    done.add("line ends " + lineEnd.chars().mapToObj(Integer::toHexString).toList());
                }
                case 10 -> {
                    contentType = pick(List.of("text/csv; charset=ISO-8859-1", "text/csv; charset=bogus", "application/json",
                            "text/plain", "text/csv; header=absent", "application/x-www-form-urlencoded"));
                    done.add("content type " + contentType);
                }
                case 11 -> {
                    List<String> row = pick(body);
                    row.set(random.nextInt(row.size()), pick(List.of("-1", "99999999999999999999", "NaN", "1e309", "",
                            " ", "0x1F", "\u0000", "Infinity", "-0", "2019-02-30")));
                    done.add("odd value");
                }
                case 12 -> {
                    body.clear();
                    done.add("header only");
                }
                default -> {
                    for (int copy = random.nextInt(50); copy > 0; copy--) {
                        body.add(new ArrayList<>(pick(rows)));
                    }
                    done.add("repeated rows");
                }
            }
        }
        StringBuilder text = new StringBuilder(prefix).append(String.join(",", head)).append(lineEnd);
        for (List<String> row : body) {
            text.append(String.join(",", row)).append(lineEnd);
        }
        return new Body(text.toString().getBytes(StandardCharsets.UTF_8), contentType, String.join(", ", done));
    }

    /** A path segment or query value that names no record: text, negative, beyond a long, or empty. */
    String junkIdentifier() {
        return pick(List.of("abc", "-1", "0", "99999999999999999999", "1e3", "1.5", "%00", "%20", "null", "%201",
                "9223372036854775807", "-9223372036854775808", "%E2%80%AE", "%FF"));
    }

    private String mutate(Map<String, Object> body) {
        Map<String, Object> target = randomObjectIn(body);
        List<String> keys = new ArrayList<>(target.keySet());
        int choice = keys.isEmpty() ? 2 : random.nextInt(4);
        switch (choice) {
            case 0 -> {
                String key = pick(keys);
                target.remove(key);
                return "removed " + key;
            }
            case 1, 3 -> {
                String key = pick(keys);
                target.put(key, junk());
                return "junk in " + key;
            }
            default -> {
                String key = word();
                target.put(key, junk());
                return "unknown field " + key;
            }
        }
    }

    /** The body itself or an object nested in one of its lists, so that nested entries are broken too. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> randomObjectIn(Map<String, Object> body) {
        List<Map<String, Object>> objects = new ArrayList<>(List.of(body));
        for (Object value : body.values()) {
            if (value instanceof List<?> list) {
                for (Object element : list) {
                    if (element instanceof Map<?, ?> map) {
                        objects.add((Map<String, Object>) map);
                    }
                }
            }
        }
        return pick(objects);
    }

    private byte[] garbage() {
        byte[] bytes = new byte[random.nextInt(4096)];
        random.nextBytes(bytes);
        return bytes;
    }

    private String word() {
        StringBuilder word = new StringBuilder();
        for (int i = 1 + random.nextInt(12); i > 0; i--) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, value instanceof Map<?, ?> nested ? deepCopy((Map<String, Object>) nested)
                : value instanceof List<?> list ? new ArrayList<>(list.stream()
                .map(element -> element instanceof Map<?, ?> m ? (Object) deepCopy((Map<String, Object>) m) : element).toList())
                : value));
        return copy;
    }

    /** JSON text of maps, lists, strings, numbers, booleans, nulls and {@link Raw} tokens; non-ASCII escaped. */
    static String write(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Raw raw) {
            return raw.text();
        }
        if (value instanceof String text) {
            return quote(text);
        }
        if (value instanceof Double number && (number.isNaN() || number.isInfinite())) {
            return number.toString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder("{");
            map.forEach((key, element) -> text.append(text.length() > 1 ? "," : "").append(quote(key.toString()))
                    .append(':').append(write(element)));
            return text.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder text = new StringBuilder("[");
            list.forEach(element -> text.append(text.length() > 1 ? "," : "").append(write(element)));
            return text.append(']').toString();
        }
        return quote(value.toString());
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
