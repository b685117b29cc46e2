import type { LocationChainFieldsFragment } from '../gql/graphql';
import { locationKindLabels } from '../lib/labels';
import { href } from '../lib/router';

interface Place {
  id: string;
  name: string;
  kind: LocationChainFieldsFragment['kind'];
  parent?: Place | null;
}

/** 山西省 › 太原市 › 尖草坪区: the place and the ones it lies in, top first. */
export function LocationTrail({ location }: { location: Place }) {
  const chain: Place[] = [];
  for (let place: Place | null | undefined = location; place; place = place.parent) chain.unshift(place);
  return (
    <nav className="trail" aria-label="所在地" data-testid="location-trail">
      {chain.map((place, i) => (
        <span key={place.id}>
          {i > 0 && ' › '}
          <a href={href('location', place.id)}>{place.name}</a>
          <small>（{locationKindLabels[place.kind]}）</small>
        </span>
      ))}
    </nav>
  );
}
