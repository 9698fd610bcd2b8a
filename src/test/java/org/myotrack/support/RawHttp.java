package org.myotrack.support;

import io.restassured.RestAssured;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests whose body the server is right to refuse before reading it all: the
 * body is sent from a thread of its own while the answer is read, so a server that answers early and closes the
 * connection gives the test its answer, not a client's "broken pipe" while it was still sending.
 */
public final class RawHttp {

    /** The answer: status, headers (names in lower case) and body as text. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /** POSTs {@code body} with its {@code Content-Length}, as a user with a password. */
    public static Response postWithLength(String path, String user, String password, String contentType, byte[] body)
            throws IOException {
        return post(path, user, password, contentType, body, false);
    }

    /** POSTs {@code body} chunked, without a length, as a stream of unknown size goes out. */
    public static Response postChunked(String path, String user, String password, String contentType, byte[] body)
            throws IOException {
        return post(path, user, password, contentType, body, true);
    }

    private static Response post(String path, String user, String password, String contentType, byte[] body,
                                 boolean chunked) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(60_000);
            String head = "POST " + path + " HTTP/1.1\r\n"
                    + "Host: localhost:" + RestAssured.port + "\r\n"
                    + "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)) + "\r\n"
                    + "Content-Type: " + contentType + "\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n")
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread sender = new Thread(() -> send(out, body, chunked), "raw-http-body");
            sender.setDaemon(true);
            sender.start();
            return read(new BufferedInputStream(socket.getInputStream()));
        }
    }

    /** Sends the body; a server that answered already may close the connection meanwhile, which is no failure. */
    private static void send(OutputStream out, byte[] body, boolean chunked) {
        try {
            int piece = 16 * 1024;
            for (int from = 0; from < body.length; from += piece) {
                int length = Math.min(piece, body.length - from);
                if (chunked) {
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(body, from, length);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException refusedEarly) {
            // The server answered without reading the rest of the body and closed the connection.
        }
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            body.write(in.readAllBytes());
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("The connection closed in the middle of the answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
