import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { Link } from 'react-router';
import { didPath, scopePath, type DidRef } from '@/lib/did-url.ts';
import { useScopeRoots } from '../api/get-scope-roots.ts';
import { didTrail } from '../utils/did-trail.ts';

/** Scopes › scope › the collections above the DID (by name, from the scope's root) › the DID. */
export function DidBreadcrumbs({ did }: { did: DidRef }) {
  const roots = useScopeRoots(did.scope);
  const names = roots.data?.roots.map((r) => r.name) ?? [];
  const trail = didTrail(did, names);
  return (
    <nav aria-label="Breadcrumb">
      <Breadcrumbs separatorMargin={6} style={{ flexWrap: 'wrap' }}>
        <Anchor component={Link} to="/scopes">
          Scopes
        </Anchor>
        <Anchor component={Link} to={scopePath(did.scope)}>
          {did.scope}
        </Anchor>
        {trail.map((crumb) =>
          crumb.did ? (
            <Anchor key={crumb.did.name} component={Link} to={didPath(crumb.did)} ff="monospace">
              {crumb.label}
            </Anchor>
          ) : (
            <Text key="current" component="span" ff="monospace" aria-current="page">
              {crumb.label}
            </Text>
          ),
        )}
      </Breadcrumbs>
    </nav>
  );
}
