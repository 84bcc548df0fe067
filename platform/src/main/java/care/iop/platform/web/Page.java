package care.iop.platform.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, the page number (from 0), its size and the total count. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <T> Page<T> of(List<T> items, PageQuery query, long total) {
        return new Page<>(items, query.page, query.size, total);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
