// Velite configuration for bench/build: the same guides as guidekit, to JSON, with a schema
// equivalent to what guidekit's JSON keeps (front matter fields, the body as Markdown → HTML).
// The content root and output folder come from the benchmark through the environment.
import { defineCollection, defineConfig, s } from 'velite';

const guides = defineCollection({
  name: 'Guide',
  pattern: '**/*.{md,mdx}',
  schema: s
    .object({
      title: s.string(),
      meta_title: s.string().optional(),
      description: s.string().optional(),
      date: s.isodate().optional(),
      image: s.string().optional(),
      categories: s.array(s.string()).optional(),
      author: s.string().optional(),
      tags: s.array(s.string()).optional(),
      draft: s.boolean().optional(),
      path: s.path(),
      toc: s.toc(),
      content: s.markdown(),
    })
    .passthrough(),
});

export default defineConfig({
  root: process.env.VELITE_ROOT ?? 'content',
  output: { data: process.env.VELITE_OUT ?? '.velite', assets: `${process.env.VELITE_OUT ?? '.velite'}/static`, clean: true },
  collections: { guides },
});
