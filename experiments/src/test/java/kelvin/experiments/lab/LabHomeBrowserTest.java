package kelvin.experiments.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The lab's home page in headless Chromium, and the lab refusing a browser without its token. */
class LabHomeBrowserTest {

    @RegisterExtension
    static final BrowserLab LAB = new BrowserLab();

    @Test
    void theHomePageLoadsCleanlyWithItsFourLinks() throws Exception {
        LAB.open("/");
        assertEquals("Kelvin lab", LAB.driver().getTitle());
        LAB.waitForText(By.tagName("h1"), "Kelvin lab");
        List<String> cards = LAB.driver().findElements(By.cssSelector("main .card")).stream()
                .map(c -> c.getAttribute("href").substring(LAB.client().base().length())).toList();
        assertEquals(List.of("/softmax", "/schedules", "/experiments", "/gridworld"), cards);
        List<String> nav = LAB.driver().findElements(By.cssSelector(".lab-nav nav a")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("Softmax", "Schedules", "Experiments", "Gridworld"), nav);
        List<String> requests = LAB.requests();
        assertTrue(requests.contains(LAB.client().base() + "/static/lab.css"), requests.toString());
        LAB.assertClean();

        LAB.resize(BrowserLab.PHONE, 844);
        assertEquals(0, LAB.overflow(), "at phone width nothing sticks out sideways");
        for (Path shot : LAB.screenshots("home")) {
            BufferedImage image = ImageIO.read(shot.toFile());
            int width = shot.getFileName().toString().endsWith("-390.png") ? BrowserLab.PHONE : BrowserLab.WIDE;
            assertEquals(width, image.getWidth(), shot.toString());
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 3) {
                for (int x = 0; x < image.getWidth(); x += 3) {
                    colours.add(image.getRGB(x, y) & 0xFFFFFF);
                }
            }
            assertTrue(colours.size() > 50, shot + " shows text, colours: " + colours.size());
        }
    }

    @Test
    void theCheckSeesAConsoleErrorAndARequestLeavingTheMachine() {
        LAB.open("/");
        LAB.script("console.error('a deliberate error');"
                + "const img = document.createElement('img'); img.src = 'http://example.invalid/x.png';"
                + "document.body.appendChild(img);");
        LAB.waitUntil("the image request is recorded", d -> !LAB.externalRequests().isEmpty());
        assertEquals(List.of("http://example.invalid/x.png"), LAB.externalRequests());
        assertTrue(LAB.consoleErrors().stream().anyMatch(e -> e.contains("a deliberate error")),
                LAB.consoleErrors().toString());
    }

    @Test
    void aBrowserWithoutTheTokenIsRefused() {
        LAB.logOut();
        try {
            LAB.open("/");
            assertTrue(LAB.driver().getPageSource().contains("this lab needs its access token"),
                    LAB.driver().getPageSource());
            LAB.open("/files/");
            assertTrue(LAB.driver().findElement(By.tagName("body")).getText().contains("access token"));
            LAB.open("/?token=not-the-token");
            assertTrue(LAB.driver().findElement(By.tagName("body")).getText().contains("access token"));
        } finally {
            LAB.logIn();
        }
        LAB.open("/");
        assertEquals("Kelvin lab", LAB.driver().getTitle());
    }

    @Test
    void aPathOutOfTheFolderIsRefusedAndAFileInItIsShown() throws Exception {
        Files.writeString(LAB.dir().resolve("notes.txt"), "inside the lab's folder\n");
        LAB.open("/files/notes.txt");
        assertEquals("inside the lab's folder", LAB.driver().findElement(By.tagName("body")).getText().strip());
        // the browser would resolve a plain "../" itself; an encoded slash reaches the lab as written
        LAB.open("/files/..%2F..%2Fetc%2Fpasswd");
        assertTrue(LAB.driver().findElement(By.tagName("body")).getText().contains("outside the lab's folder"),
                LAB.driver().getPageSource());
    }
}
