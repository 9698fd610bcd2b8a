package org.myotrack.common;

import java.util.List;

/** One page of a list: the items, where the page starts and how many rows the whole list has. */
public record PageView<T>(List<T> items, int page, int size, long total) {
}
