import { FeedPage } from './pages/FeedPage';
import { LocationPage } from './pages/LocationPage';
import { OfficialPage } from './pages/OfficialPage';
import { ProjectPage } from './pages/ProjectPage';
import { SearchPage } from './pages/SearchPage';
import { useRoute } from './lib/router';

export function App() {
  const { segments, params } = useRoute();
  const [page, id] = segments;
  return (
    <>
      <header className="top">
        <a className="brand" href="#/">档案阅读器</a>
        <nav>
          <a href="#/">最新</a>
          <a href="#/search">搜索</a>
        </nav>
      </header>
      {page === 'search' ? (
        <SearchPage key={params.get('q') ?? ''} params={params} />
      ) : page === 'official' && id ? (
        <OfficialPage key={id} id={id} params={params} />
      ) : page === 'project' && id ? (
        <ProjectPage key={id} id={id} />
      ) : page === 'location' && id ? (
        <LocationPage key={id} id={id} />
      ) : (
        <FeedPage />
      )}
    </>
  );
}
