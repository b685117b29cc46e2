import { ArticleList } from '../components/ArticleList';

export function FeedPage() {
  return (
    <main data-testid="feed-page">
      <h2>最新报道</h2>
      <ArticleList />
    </main>
  );
}
