package cn.perfledger.app.ui;

import cn.perfledger.app.ui.EventTimelineController.PageLink;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** The pager under a paged list, as on the event timeline: 上一页, a window of pages with the ends, 下一页. */
final class Pager {

    private Pager() {
    }

    /** No links for a single page; {@code href} gives the link of a page (0-based). */
    static List<PageLink> links(int current, int pages, IntFunction<String> href) {
        List<PageLink> links = new ArrayList<>();
        if (pages <= 1) {
            return links;
        }
        if (current > 0) {
            links.add(new PageLink("上一页", href.apply(Math.min(current, pages) - 1), false));
        }
        int start = Math.max(0, Math.min(current, pages - 1) - 4);
        int end = Math.min(pages - 1, current + 4);
        if (start > 0) {
            links.add(new PageLink("1", href.apply(0), false));
            if (start > 1) {
                links.add(new PageLink("…", null, false));
            }
        }
        for (int p = start; p <= end; p++) {
            links.add(new PageLink(String.valueOf(p + 1), href.apply(p), p == current));
        }
        if (end < pages - 1) {
            if (end < pages - 2) {
                links.add(new PageLink("…", null, false));
            }
            links.add(new PageLink(String.valueOf(pages), href.apply(pages - 1), false));
        }
        if (current < pages - 1) {
            links.add(new PageLink("下一页", href.apply(current + 1), false));
        }
        return links;
    }
}
