import { useState } from 'preact/hooks';
import type { Article } from '@/utils/article/types';
import { Sidebar } from '@/components/Sidebar';

export type AppProps = {
  article: Article;
};

/** The sidebar's state: collapsed at first, so that the page is never covered uninvited. */
export function App({ article }: AppProps) {
  const [isExpanded, setExpanded] = useState(false);
  return (
    <Sidebar
      article={article}
      isExpanded={isExpanded}
      onExpand={() => setExpanded(true)}
      onCollapse={() => setExpanded(false)}
    />
  );
}
