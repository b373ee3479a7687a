/** The baseline: the smallest Hono Worker there is, served on the same runtime as the blog. */
import { Hono } from "hono";

const app = new Hono();
app.get("/", (c) => c.text("Hello Hono!"));

export default app;
