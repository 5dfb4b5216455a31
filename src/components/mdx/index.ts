import Cite from './Cite.astro';
import Field from './Field.astro';
import ItemUnits from '../ItemUnits.astro';
import Noted from './Noted.astro';
import NoteRef from './NoteRef.astro';
import P from './P.astro';
import Target from './Target.astro';

/** Components the generated item MDX uses. */
export const mdxComponents = { Cite, Field, Noted, NoteRef, P, Target, Units: ItemUnits };
