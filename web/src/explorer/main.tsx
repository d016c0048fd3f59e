import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./explorer.css";
import { ExplorerPage } from "./ExplorerPage";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ExplorerPage />
    </StrictMode>,
  );
}
