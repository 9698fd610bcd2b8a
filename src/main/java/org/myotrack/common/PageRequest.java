package org.myotrack.common;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Paging query parameters shared by every list endpoint: {@code page} from 0 to 1000000, {@code size} 1–500. They are
 * read as text and checked by pattern, so that any value, however large ({@code page=99999999999}) or not a number,
 * is refused with 400 naming the parameter, rather than failing conversion to {@code int}, which JAX-RS answers 404.
 */
public class PageRequest {

    /** Largest page a caller may ask for; bigger pages are refused rather than silently cut. */
    public static final int MAX_SIZE = 500;

    /** Highest page number; far beyond any registry, and small enough that page × size stays a valid offset. */
    public static final int MAX_PAGE = 1_000_000;

    /** A page number as text: 0 to {@value #MAX_PAGE}, leading zeros allowed. */
    static final String PAGE_PATTERN = "0*(\\d{1,6}|1000000)";

    /** Why a page number is refused, after the parameter's name. */
    public static final String PAGE_MESSAGE = "must be a whole number between 0 and " + MAX_PAGE;

    private static final java.util.regex.Pattern PAGE_NUMBER = java.util.regex.Pattern.compile(PAGE_PATTERN);

    @QueryParam("page")
    @DefaultValue("0")
    @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "1000000", defaultValue = "0")
    @Pattern(regexp = PAGE_PATTERN, message = PAGE_MESSAGE)
    String page;

    @QueryParam("size")
    @DefaultValue("50")
    @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50")
    @Pattern(regexp = "0*([1-9]|[1-9]\\d|[1-4]\\d\\d|500)", message = "must be between 1 and " + MAX_SIZE)
    String size;

    public static PageRequest of(int page, int size) {
        PageRequest request = new PageRequest();
        request.page = Integer.toString(page);
        request.size = Integer.toString(size);
        return request;
    }

    /**
     * The page number a web page's address asks for, as the API reads its {@code page}; null when it is not a whole
     * number between 0 and {@value #MAX_PAGE} (refused with {@link #PAGE_MESSAGE}).
     */
    public static Integer pageNumber(String page) {
        return page != null && PAGE_NUMBER.matcher(page).matches() ? Integer.valueOf(page) : null;
    }

    /** The page number, from 0; valid once Bean Validation has passed the request. */
    public int page() {
        return Integer.parseInt(page);
    }

    /** The page size, 1–500; valid once Bean Validation has passed the request. */
    public int size() {
        return Integer.parseInt(size);
    }
}
