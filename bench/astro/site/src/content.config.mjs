// One content collection of every guide, read by the glob loader from the generated tree
// (`<locale folder>/<slug>.md|mdx`), with a schema equal to the front matter guidekit keeps.
import { glob } from 'astro/loaders';
import { defineCollection, z } from 'astro:content';

const guides = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: process.env.BENCH_ASTRO_CONTENT ?? './content' }),
  schema: z
    .object({
      title: z.string(),
      meta_title: z.string().optional(),
      description: z.string().optional(),
      date: z.coerce.date().optional(),
      image: z.string().optional(),
      categories: z.array(z.string()).optional(),
      author: z.string().optional(),
      tags: z.array(z.string()).optional(),
      draft: z.boolean().optional(),
    })
    .passthrough(),
});

export const collections = { guides };
