import type { VNode } from "preact";

/** What a page handler returns: the page to render, its status, whether it may be shared. */
export interface PageResult {
  title: string;
  body: VNode;
  status?: number;
  /** Whether the same page may be shown to every anonymous visitor (default: yes, for anonymous visitors). */
  shared?: boolean;
}
