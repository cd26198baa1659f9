import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Notices } from "../../src/ui/Notices";
import { renderWithStore } from "./render";

describe("Notices", () => {
  it("names exactly what the URL and the configuration had that was ignored, and can be dismissed", async () => {
    renderWithStore(
      <Notices />,
      {
        ignoredUrl: [{ field: "area", value: "atlantis", reason: "unknown area or site" }],
        configProblems: [{ field: "palette.metaverse", reason: "must be a colour written #rrggbb" }],
      },
      "en",
    );
    const notices = screen.getAllByRole("status");
    expect(notices).toHaveLength(2);
    expect(notices[0]).toHaveTextContent("area=atlantis — unknown area or site");
    expect(notices[1]).toHaveTextContent("palette.metaverse: must be a colour written #rrggbb");
    await userEvent.click(screen.getAllByRole("button", { name: "Dismiss notice" })[0]!);
    expect(screen.getAllByRole("status")).toHaveLength(1);
  });

  it("says so when there is no WebGL", () => {
    renderWithStore(<Notices />, { webgl: false }, "zh");
    expect(screen.getByRole("status")).toHaveTextContent("不支持 WebGL");
  });

  it("shows nothing when all is well", () => {
    renderWithStore(<Notices />);
    expect(screen.queryByRole("status")).toBeNull();
  });
});
