import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from "graphql";

/**
 * Deepest field nesting of each operation, following fragments; introspection
 * fields (__schema, __type) are not counted so GraphiQL's own query passes.
 * Written here rather than taken from graphql-depth-limit, which recurses
 * through fragment cycles and throws on an unknown fragment: both would turn
 * a hostile document into a 500 instead of a validation error.
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    // Relative depth of a selection set; each fragment's is computed once, so a
    // fragment spread many times (or nested spreads doubling at each level) costs one walk.
    const memo = new Map<string, number>();
    const depthOf = (set: SelectionSetNode, visiting: ReadonlySet<string>): number => {
      let deepest = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith("__") || !selection.selectionSet) continue;
          deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, visiting));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          // Unknown fragments and cycles are other rules' errors; here they just end the walk.
          if (!fragment || visiting.has(name)) continue;
          let depth = memo.get(name);
          if (depth === undefined) {
            depth = depthOf(fragment.selectionSet, new Set([...visiting, name]));
            memo.set(name, depth);
          }
          deepest = Math.max(deepest, depth);
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        // Root fields count as level 1.
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Requête trop profonde : ${maxDepth} niveaux au plus. / Query too deep: at most ${maxDepth} levels.`, { nodes: [node] }),
          );
        }
      },
    };
  };
}

/** Aliases in the whole document: each alias can repeat an expensive field, so they are counted and capped. */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (!node.alias) return;
        aliases += 1;
        if (aliases === maxAliases + 1) {
          context.reportError(new GraphQLError(`Trop d'alias : ${maxAliases} au plus. / Too many aliases: at most ${maxAliases}.`, { nodes: [node] }));
        }
      },
    };
  };
}
